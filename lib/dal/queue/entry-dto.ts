/** Moved to lib/dal/booking-dto.ts (one mapper for every view of a booking); kept for existing imports. */
export { selectEntries, selectEntry, toQueueEntryDTO, type QueueEntryDTO } from "../booking-dto";
