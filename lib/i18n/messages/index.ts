import { adminMessages } from "./admin";
import { apiMessages } from "./api";
import { bookingMessages } from "./booking";
import { calendarMessages } from "./calendar";
import { citizenMessages } from "./citizen";
import { commonMessages } from "./common";
import { contentMessages } from "./content";
import { deviceMessages } from "./devices";
import { errorPageMessages } from "./error-pages";
import { errorMessages } from "./errors";
import { liveQueueMessages } from "./live-queue";
import { outageMessages } from "./outage";
import { outboxMessages } from "./outbox";
import { queueMessages } from "./queue";
import { queueDeskMessages } from "./queue-desk";
import { reportMessages } from "./reports";
import { securityMessages } from "./security";
import { scheduleMessages } from "./schedule";
import { slotMessages } from "./slots";
import { standbyMessages } from "./standby";
import { staffMessages } from "./staff";
import { kioskSurveyMessages } from "./kiosk-survey";
import { surveyMessages } from "./survey";
import { placeMessages } from "./places";
import { placesAdminMessages } from "./places-admin";
import { powMessages } from "./pow";
import { pageTitleMessages } from "./page-titles";
import { lotteryMessages } from "./lottery";

/** Every domain's messages, merged. Each domain file holds both languages side by side. */
const domains = [
  commonMessages,
  errorMessages,
  errorPageMessages,
  calendarMessages,
  bookingMessages,
  citizenMessages,
  slotMessages,
  contentMessages,
  apiMessages,
  staffMessages,
  deviceMessages,
  queueMessages,
  queueDeskMessages,
  securityMessages,
  surveyMessages,
  kioskSurveyMessages,
  reportMessages,
  liveQueueMessages,
  outboxMessages,
  adminMessages,
  scheduleMessages,
  placeMessages,
  placesAdminMessages,
  standbyMessages,
  outageMessages,
  powMessages,
  pageTitleMessages,
  lotteryMessages,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

export type MessageKey = keyof UnionToIntersection<(typeof domains)[number]["id"]> & string;
export type Messages = Record<MessageKey, string>;

export const LOCALES = ["id", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "id";

export const messages: Record<Locale, Messages> = {
  id: Object.assign({}, ...domains.map((d) => d.id)),
  en: Object.assign({}, ...domains.map((d) => d.en)),
};
