namespace Caduceus.Detection.Phi.Dates;

/// <summary>What a spoken date said; a part that was not said is 0.</summary>
/// <param name="Year">1900 to 2099, or 0.</param>
/// <param name="Month">1 to 12.</param>
/// <param name="Day">The day as said (not yet checked against the month), or 0.</param>
/// <param name="DayIsOrdinal">"fifth" rather than "five": only an ordinal day makes a date without a year.</param>
/// <param name="MonthIsCommonWord">
/// The month was written "may" or "march" in lower case, words that also come before "first" and "second" as a verb
/// ("you may first call").
/// </param>
internal readonly record struct SpokenDateParts(int Year, int Month, int Day, bool DayIsOrdinal, bool MonthIsCommonWord);
