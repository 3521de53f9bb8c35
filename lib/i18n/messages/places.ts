import { defineMessages } from "../define";

/** Service points: the citizen's choice of place, and the place filter of the reports. */
export const placeMessages = defineMessages({
  id: {
    "places.title": "Pilih tempat layanan",
    "places.intro": "Layanan Disdukcapil tersedia di beberapa tempat. Setiap tempat punya jadwal dan kuota sendiri. Pilih tempat yang akan Anda datangi.",
    "places.choose": "Pilih {place}",
    "places.map": "Lihat lokasi {place} di peta",
    "places.main": "Kantor utama",
    "places.training": "Tempat latihan — bukan layanan sungguhan",
    "places.current": "Tempat layanan: {place}",
    "places.change": "Ganti tempat",
    "field.office.training": "Tempat latihan tidak masuk laporan.",
    "report.place": "Tempat layanan",
  },
  en: {
    "places.title": "Choose a service point",
    "places.intro": "Disdukcapil serves at several places. Each place has its own schedule and quota. Choose the place you will visit.",
    "places.choose": "Choose {place}",
    "places.map": "See {place} on a map",
    "places.main": "Main office",
    "places.training": "Practice place — not a real service",
    "places.current": "Service point: {place}",
    "places.change": "Change place",
    "field.office.training": "The training place is not in reports.",
    "report.place": "Service point",
  },
});
