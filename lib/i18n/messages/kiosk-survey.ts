import { defineMessages } from "../define";

/** The satisfaction survey on the check-in kiosk; the questions themselves are the survey's own (survey.*). */
export const kioskSurveyMessages = defineMessages({
  id: {
    "kioskSurvey.open": "Isi survei kepuasan",
    "kioskSurvey.title": "Survei kepuasan",
    "kioskSurvey.intro": "Layanan Anda sudah selesai? Pindai kode QR pada bukti booking Anda, atau ketik kode booking.",
    "kioskSurvey.referenceHint": "8 huruf dan angka, misalnya ABCD-2345. NIK tidak perlu.",
    "kioskSurvey.next": "Lanjut",
    "kioskSurvey.back": "Kembali ke check-in",
    "kioskSurvey.answerHint": "Sentuh satu jawaban untuk setiap pertanyaan, lalu tekan Kirim survei di bawah.",
    "kioskSurvey.question": "Pertanyaan {n} dari {total}",
  },
  en: {
    "kioskSurvey.open": "Satisfaction survey",
    "kioskSurvey.title": "Satisfaction survey",
    "kioskSurvey.intro": "Is your service finished? Scan the QR code on your booking, or type the booking code.",
    "kioskSurvey.referenceHint": "8 letters and digits, for example ABCD-2345. No NIK needed.",
    "kioskSurvey.next": "Continue",
    "kioskSurvey.back": "Back to check-in",
    "kioskSurvey.answerHint": "Touch one answer for each question, then press Send survey below.",
    "kioskSurvey.question": "Question {n} of {total}",
  },
});
