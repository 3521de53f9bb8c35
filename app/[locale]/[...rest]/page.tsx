import { notFound } from "next/navigation";

/** Every other citizen address: the citizen not-found page, in the visitor's language and layout. */
export default function UnknownPage() {
  notFound();
}
