// Address lists as written in headers ("Priya Shah" <priya@acme.example>, bob@x.io), parsed by
// email-addresses (RFC 5322); a list it cannot parse gives nothing rather than a guess.
import emailAddresses from 'email-addresses';

export function parseAddressList(header: string): { name: string | null; email: string }[] {
  const parsed = emailAddresses.parseAddressList({ input: header.slice(0, 10_000), rejectTLD: false }) ?? [];
  return parsed.flatMap((entry) =>
    entry.type === 'group'
      ? entry.addresses.map((a) => ({ name: a.name || null, email: a.address }))
      : [{ name: entry.name || null, email: entry.address }],
  );
}
