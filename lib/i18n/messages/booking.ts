import { defineMessages } from "../define";

export const bookingMessages = defineMessages({
  id: {
    "booking.placeholder": "",
  },
  en: {
    "booking.placeholder": "",
  },
});
