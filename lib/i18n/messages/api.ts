import { defineMessages } from "../define";

export const apiMessages = defineMessages({
  id: {
    "api.placeholder": "",
  },
  en: {
    "api.placeholder": "",
  },
});
