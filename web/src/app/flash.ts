/** A one-shot message carried to the login page (why the session ended). Survives a reload. */
const KEY = 'matriz.flash';

export function setFlash(message: string): void {
  try {
    sessionStorage.setItem(KEY, message);
  } catch {
    memory = message;
  }
}

let memory: string | null = null;

export function takeFlash(): string | null {
  let message: string | null = memory;
  memory = null;
  try {
    message = sessionStorage.getItem(KEY) ?? message;
    sessionStorage.removeItem(KEY);
  } catch {
    // storage unavailable
  }
  return message;
}
