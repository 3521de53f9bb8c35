export * from "./enums";
export * from "./offices";
export * from "./schedule";
export * from "./staff";
export * from "./bookings";
export * from "./audit";
export * from "./messages";
