import { defineMessages } from "../define";

/** Words around the office's content: requirement kinds, copies, and the mark on untranslated text. */
export const contentMessages = defineMessages({
  id: {
    "content.fallbackNote": "(Bahasa Indonesia)",
    "requirement.copy.original": "asli",
    "requirement.copy.photocopy": "fotokopi",
    "requirement.copy.both": "asli dan fotokopi",
    "requirement.copies": "{count} lembar",
    "service.conditionsTitle": "Ketentuan",
    "service.conditionsIntro": "Layanan ini untuk warga yang memenuhi ketentuan berikut.",
    "service.documentsTitle": "Dokumen yang dibawa",
    "service.documentsIntro": "Centang setiap dokumen yang sudah Anda siapkan. Bawa sesuai keterangannya: asli, fotokopi, atau keduanya.",
    "service.noDocuments": "Layanan ini tidak memerlukan dokumen khusus.",
    "service.noteLabel": "Catatan:",
    "service.ageRule": "Syarat usia:",
    "print.title": "Bukti booking",
    "nik.tryService": "Untuk usia ini, pilih layanan:",
  },
  en: {
    "content.fallbackNote": "(Bahasa Indonesia)",
    "requirement.copy.original": "original",
    "requirement.copy.photocopy": "photocopy",
    "requirement.copy.both": "original and photocopy",
    "requirement.copies": "{count} copies",
    "service.conditionsTitle": "Who can apply",
    "service.conditionsIntro": "This service is for people who meet these conditions.",
    "service.documentsTitle": "Documents to bring",
    "service.documentsIntro": "Tick each document you have prepared. Bring each one as marked: original, photocopy or both.",
    "service.noDocuments": "This service needs no particular documents.",
    "service.noteLabel": "Note:",
    "service.ageRule": "Age rule:",
    "print.title": "Booking confirmation",
    "nik.tryService": "At this age, choose this service instead:",
  },
});
