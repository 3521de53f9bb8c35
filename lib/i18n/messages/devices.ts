import { defineMessages } from "../define";

export const deviceMessages = defineMessages({
  id: {
    "devices.placeholder": "",
  },
  en: {
    "devices.placeholder": "",
  },
});
