import { catalogEs } from '@matriz/shared/i18n/catalog-es';
import type { Language } from '@matriz/shared/i18n/translate';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES: Language[] = ['es', 'en'];
const STORAGE_KEY = 'matriz.language';

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'es';
  } catch {
    return 'es';
  }
}

// Spanish, the fallback of every string, ships with the first screen; English is fetched when chosen.
i18n.use(initReactI18next).init({
  resources: { es: { translation: catalogEs } },
  lng: 'es',
  fallbackLng: 'es',
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

async function use(language: Language): Promise<void> {
  if (language === 'en' && !i18n.hasResourceBundle('en', 'translation')) {
    const { catalogEn } = await import('@matriz/shared/i18n/catalog-en');
    i18n.addResourceBundle('en', 'translation', catalogEn);
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Settles once the stored language's strings are loaded: the app renders after it, never in the wrong language. */
export const languageReady: Promise<void> = use(storedLanguage()).catch(() => {});

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'es';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  void use(language);
}

/** For code outside React (api client, realtime). */
export const t = i18n.t.bind(i18n);

export { i18n };
