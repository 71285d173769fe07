namespace Caduceus.Detection.Anonymization;

/// <summary>
/// Follows a text character by character and knows whether the current run (the characters since the last white
/// space) is part of a URL: it holds <c>//</c> (<c>https://</c>, protocol-relative links; browsers read <c>\</c> as
/// <c>/</c>, so <c>\\</c> counts too) or <c>www.</c>. Survives chunk boundaries, so a streamed answer is judged as a whole.
/// </summary>
internal struct UrlRun
{
    private const string Www = "www.";

    private char _last;
    private int _wwwMatched;

    public bool InUrl { get; private set; }

    public void Advance(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                InUrl = false;
                _last = '\0';
                _wwwMatched = 0;
                continue;
            }

            if ((c is '/' or '\\') && (_last is '/' or '\\'))
            {
                InUrl = true;
            }

            var lower = char.ToLowerInvariant(c);
            _wwwMatched = lower == Www[_wwwMatched] ? _wwwMatched + 1 : lower == Www[0] ? 1 : 0;
            if (_wwwMatched == Www.Length)
            {
                InUrl = true;
                _wwwMatched = 0;
            }

            _last = c;
        }
    }
}
