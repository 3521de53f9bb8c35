import { defineMessages } from "../define";

export const staffMessages = defineMessages({
  id: {
    "staff.placeholder": "",
  },
  en: {
    "staff.placeholder": "",
  },
});
