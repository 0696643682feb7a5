/// Days since 1 January 1970 as a date of the proleptic Gregorian calendar: what a workbook's date
/// serials and a document's date both come to.
public enum CivilCalendar {
    /// Year, month (1–12) and day of the day `days` after 1 January 1970, counting in eras of 400
    /// years (146,097 days) that start on 1 March, so that a leap day is the last day of a year.
    public static func date(daysFrom1970 days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
