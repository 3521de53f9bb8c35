import type { MessageParams } from "@/db/schema/messages";
import { formatDate, formatTime } from "../format";
import type { Locale } from "../i18n/messages";
import { formatReference } from "../reference";

export type MessageKind = "confirmation" | "moved" | "cancelled" | "reminder" | "survey" | "outage" | "near_turn" | "standby_offer" | "reminder_morning" | "lottery_drawn" | "lottery_not_drawn";
export type Template = { subject: string; body: string };

/**
 * The default texts, in the citizen's language. `{name}` placeholders take the message's parameters
 * (reference, queueNumber, service, date, session, arriveBy, place, address, bring, link, surveyLink; standby offers
 * also deadline; outage notices also reason, rebookUntil, rebookLink); an admin may
 * override a kind + language (message_templates). WhatsApp gets the body as plain text; email the
 * subject, the body, and an HTML version of it.
 */
export const DEFAULT_TEMPLATES: Record<Locale, Record<MessageKind, Template>> = {
  id: {
    confirmation: {
      subject: "Booking {reference}: {service}, {date}",
      body: "Booking Anda di {place} tercatat.\nKode booking: {reference}\nNomor antrean: {queueNumber}\nLayanan: {service}\nTanggal: {date}, sesi {session}\nDatang paling lambat pukul {arriveBy}.\nAlamat: {address}\nBawa:\n{bring}\nLihat, ubah atau batalkan: {link}",
    },
    moved: {
      subject: "Booking {reference} dipindah ke {date}",
      body: "Booking {reference} dipindah.\nTanggal baru: {date}, sesi {session} (datang paling lambat {arriveBy}).\nNomor antrean: {queueNumber}\nTempat: {place}, {address}\nLihat booking: {link}",
    },
    cancelled: {
      subject: "Booking {reference} dibatalkan",
      body: "Booking {reference} untuk {service} pada {date} sesi {session} sudah dibatalkan. Jika ini keliru, silakan booking lagi: {link}",
    },
    reminder: {
      subject: "Pengingat: besok {date} di {place}",
      body: "Pengingat: kunjungan Anda ke {place} besok, {date}, sesi {session}.\nDatang paling lambat pukul {arriveBy}. Nomor antrean: {queueNumber}.\nAlamat: {address}\nBawa:\n{bring}\nBooking: {link}",
    },
    survey: {
      subject: "Bagaimana layanan kami hari ini?",
      body: "Terima kasih sudah datang ke {place} untuk {service}. Ceritakan pengalaman Anda: {surveyLink}",
    },
    outage: {
      subject: "Booking {reference} dibatalkan: layanan {date} terganggu",
      body: "Mohon maaf, layanan {service} di {place} pada {date} sesi {session} dihentikan sementara: {reason}.\nBooking {reference} dibatalkan. Anda mendapat prioritas untuk memilih sesi lain sampai {rebookUntil}, tanpa mengisi ulang persyaratan:\n{rebookLink}",
    },
    reminder_morning: {
      subject: "Hari ini: kunjungan Anda ke {place}, sesi {session}",
      body: "Pengingat: kunjungan Anda ke {place} hari ini, {date}, sesi {session}.\nDatang paling lambat pukul {arriveBy}. Nomor antrean: {queueNumber}.\nAlamat: {address}\nBawa:\n{bring}\nBooking: {link}",
    },
    near_turn: {
      subject: "Giliran Anda sudah dekat: {queueNumber}",
      body: "Giliran Anda di {place} sudah dekat. Nomor antrean: {queueNumber}.\nMohon kembali ke ruang tunggu sekarang. Lihat posisi Anda: {link}",
    },
    standby_offer: {
      subject: "Ada tempat untuk Anda: {service}, {date}",
      body: "Ada tempat kosong di {place} untuk {service} pada {date}, sesi {session}. Tempat ini kami simpan untuk Anda sampai {deadline}.\nKode daftar cadangan: {reference}\nTerima dengan kode ini dan NIK Anda: {link}\nJika tidak diterima sampai batas waktu, tempat diberikan ke orang berikutnya.",
    },
    lottery_drawn: {
      subject: "Anda terpilih dalam undian: {service}, {date}",
      body: "Selamat, Anda terpilih dalam undian tempat di {place}. Booking Anda sudah dibuat.\nKode booking: {reference}\nNomor antrean: {queueNumber}\nLayanan: {service}\nTanggal: {date}, sesi {session}\nDatang paling lambat pukul {arriveBy}.\nAlamat: {address}\nBawa:\n{bring}\nLihat, ubah atau batalkan: {link}",
    },
    lottery_not_drawn: {
      subject: "Hasil undian {date}: tidak terpilih",
      body: "Maaf, Anda tidak terpilih dalam undian tempat untuk {service} di {place} pada {date}.\nKode pendaftaran: {reference}\nAnda dapat masuk daftar cadangan tanggal ini atau memilih tanggal lain: {link}",
    },
  },
  en: {
    confirmation: {
      subject: "Booking {reference}: {service}, {date}",
      body: "Your booking at {place} is confirmed.\nBooking code: {reference}\nQueue number: {queueNumber}\nService: {service}\nDate: {date}, session {session}\nArrive by {arriveBy} at the latest.\nAddress: {address}\nBring:\n{bring}\nView, change or cancel: {link}",
    },
    moved: {
      subject: "Booking {reference} moved to {date}",
      body: "Booking {reference} has moved.\nNew date: {date}, session {session} (arrive by {arriveBy}).\nQueue number: {queueNumber}\nPlace: {place}, {address}\nView the booking: {link}",
    },
    cancelled: {
      subject: "Booking {reference} cancelled",
      body: "Booking {reference} for {service} on {date}, session {session}, has been cancelled. If this is a mistake, please book again: {link}",
    },
    reminder: {
      subject: "Reminder: tomorrow {date} at {place}",
      body: "Reminder: your visit to {place} is tomorrow, {date}, session {session}.\nArrive by {arriveBy} at the latest. Queue number: {queueNumber}.\nAddress: {address}\nBring:\n{bring}\nBooking: {link}",
    },
    survey: {
      subject: "How was our service today?",
      body: "Thank you for visiting {place} for {service}. Tell us how it went: {surveyLink}",
    },
    outage: {
      subject: "Booking {reference} cancelled: service on {date} disrupted",
      body: "We are sorry: {service} at {place} on {date}, session {session}, is suspended: {reason}.\nBooking {reference} is cancelled. You have priority to choose another session until {rebookUntil}, without filling in the checklist again:\n{rebookLink}",
    },
    reminder_morning: {
      subject: "Today: your visit to {place}, session {session}",
      body: "Reminder: your visit to {place} is today, {date}, session {session}.\nArrive by {arriveBy} at the latest. Queue number: {queueNumber}.\nAddress: {address}\nBring:\n{bring}\nBooking: {link}",
    },
    near_turn: {
      subject: "Your turn is near: {queueNumber}",
      body: "Your turn at {place} is near. Queue number: {queueNumber}.\nPlease come back to the waiting room now. See your place in the queue: {link}",
    },
    standby_offer: {
      subject: "A place for you: {service}, {date}",
      body: "A place has come free at {place} for {service} on {date}, session {session}. We are holding it for you until {deadline}.\nStandby code: {reference}\nAccept it with this code and your NIK: {link}\nIf it is not accepted by then, the place goes to the next person.",
    },
    lottery_drawn: {
      subject: "You were drawn in the lottery: {service}, {date}",
      body: "Congratulations, you were drawn in the place lottery at {place}. Your booking has been made.\nBooking code: {reference}\nQueue number: {queueNumber}\nService: {service}\nDate: {date}, session {session}\nArrive by {arriveBy} at the latest.\nAddress: {address}\nBring:\n{bring}\nView, change or cancel: {link}",
    },
    lottery_not_drawn: {
      subject: "Lottery result {date}: not drawn",
      body: "Sorry, you were not drawn in the place lottery for {service} at {place} on {date}.\nEntry code: {reference}\nYou may join the standby list for this date or choose another date: {link}",
    },
  },
};

export type RenderedMessage = { subject: string; text: string; html: string };

/** The values a template's placeholders take, formatted for the reader. */
export function templateValues(params: MessageParams, locale: Locale, baseUrl: string): Record<string, string> {
  return {
    reference: formatReference(params.reference),
    queueNumber: params.queueNumber,
    service: params.service,
    date: formatDate(params.date, locale),
    session: `${formatTime(params.sessionStart, locale)}–${formatTime(params.sessionEnd, locale)}`,
    arriveBy: formatTime(params.arriveBy, locale),
    place: params.place,
    address: params.address ?? "",
    bring: params.bring.map((b) => `- ${b}`).join("\n"),
    link: new URL(params.link, baseUrl).toString(),
    // The survey page of the same visit: built from the reference, since the trigger's `link` is the booking page.
    surveyLink: new URL(`/booking/${encodeURIComponent(params.reference)}/survey`, baseUrl).toString(),
    // A standby offer's time limit, office-local.
    deadline: params.deadlineDate && params.deadlineTime ? `${formatDate(params.deadlineDate, locale)} ${formatTime(params.deadlineTime, locale)}` : "",
    reason: params.reason ?? "",
    rebookUntil: params.rebookUntil ? formatUntil(params.rebookUntil, locale) : "",
    rebookLink: new URL(params.rebookLink ?? params.link, baseUrl).toString(),
  };
}

function fillTemplate(text: string, values: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (m, name: string) => values[name] ?? m);
}

/** Subject, plain text and HTML of one message. The HTML escapes every value and links the link. */
export function renderMessage(template: Template, params: MessageParams, locale: Locale, baseUrl: string): RenderedMessage {
  const values = templateValues(params, locale, baseUrl);
  const text = fillTemplate(template.body, values);
  const escaped = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, escapeHtml(v).replace(/\n/g, "<br>")]));
  for (const key of ["link", "surveyLink", "rebookLink"]) escaped[key] = `<a href="${escapeHtml(values[key]!)}">${escapeHtml(values[key]!)}</a>`;
  const html = `<!doctype html><html lang="${locale}"><body><p>${fillTemplate(escapeHtml(template.body), escaped).replace(/\n/g, "<br>")}</p></body></html>`;
  return { subject: fillTemplate(template.subject, values), text, html };
}

/** `YYYY-MM-DD HH:MM` (office time) → "3 Desember 2026 10.00". */
function formatUntil(value: string, locale: Locale): string {
  const [date, time] = value.split(" ");
  return time ? `${formatDate(date!, locale)} ${formatTime(time, locale)}` : formatDate(date!, locale);
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
