/** Today's date (YYYY-MM-DD) in Morocco, where the register's legal dates are counted. */
export function todayInMorocco(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca' }).format(now);
}
