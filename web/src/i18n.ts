// i18next set-up. Vietnamese is the default; the user's choice is kept in
// localStorage so a shared office computer keeps the language it was set to.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import 'dayjs/locale/en';
import vi from './locales/vi';
import en from './locales/en';

export type Lang = 'vi' | 'en';
export const LANG_STORAGE_KEY = 'apparatus.lang';

function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi'; // storage can be blocked (private mode); Vietnamese is the safe default
  }
}

function applyLang(lang: Lang): void {
  dayjs.locale(lang);
  document.documentElement.lang = lang;
}

const initial = storedLang();
applyLang(initial);

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'vi',
  interpolation: { escapeValue: false }, // React already escapes
  returnNull: false,
});

export function setLang(lang: Lang): void {
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    /* not persisted, but still switched for this visit */
  }
  applyLang(lang);
  void i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'vi';
}

export default i18n;
