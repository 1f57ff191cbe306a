import { catalogs, type Language } from '@matriz/shared/i18n/translate';
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

i18n.use(initReactI18next).init({
  resources: {
    es: { translation: catalogs.es },
    en: { translation: catalogs.en },
  },
  lng: storedLanguage(),
  fallbackLng: 'es',
  supportedLngs: LANGUAGES,
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'es';
}

export function setLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}

/** For code outside React (api client, realtime). */
export const t = i18n.t.bind(i18n);

export { i18n };
