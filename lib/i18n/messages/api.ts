import { defineMessages } from "../define";

export const apiMessages = defineMessages({
  id: {
    "api.error.contentType": "Kirim data sebagai JSON dengan header Content-Type: application/json.",
    "api.error.notObject": "Data yang dikirim harus berupa objek JSON.",
  },
  en: {
    "api.error.contentType": "Send the data as JSON with the header Content-Type: application/json.",
    "api.error.notObject": "The request body must be a JSON object.",
  },
});
