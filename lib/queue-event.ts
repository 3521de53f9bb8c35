/** What the call display needs to know about a change: never a NIK or a name. */
export type QueueEvent = {
  officeId: string;
  kind: "call" | "recall" | "update";
  queueNumber?: string;
  counterNumber?: number;
  counterName?: string;
  at: string;
};
