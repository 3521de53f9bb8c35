import { defineMessages } from "../define";

/**
 * The citizen error pages' words (the part of error-pages.ts every citizen page loads: its error boundaries
 * are in the page's JavaScript whether or not anything fails). Imports nothing and stays small.
 */
export const publicErrorPageMessages = defineMessages({
  id: {
    "errorPage.title": "Terjadi kesalahan pada sistem",
    "errorPage.body": "Maaf, permintaan Anda belum bisa diproses. Silakan coba lagi beberapa saat lagi.",
    "errorPage.retry": "Coba lagi",
  },
  en: {
    "errorPage.title": "Something went wrong on our side",
    "errorPage.body": "Sorry, your request could not be processed. Please try again shortly.",
    "errorPage.retry": "Try again",
  },
});
