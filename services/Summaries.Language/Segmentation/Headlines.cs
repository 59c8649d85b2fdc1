namespace Summaries.Language.Segmentation;

/// <summary>
/// Recognises a headline that lost its line break or ends above a lowercase opening, so the
/// splitter can keep it out of the story's first sentence (where its words would read as a
/// speaker or a cue).
/// </summary>
internal static class Headlines
{
    /// <summary>Words shorter than this ("of", "in", "the", "and") stay lowercase in title case.</summary>
    private const int MinHeadlineWordLength = 4;

    private const int MinHeadlineWords = 2;

    /// <summary>How many words a dateline's place may have ("RIO DE JANEIRO") and what may follow it before the dash ("Jan. 5 (Reuters)").</summary>
    private const int MaxDatelineTokens = 8;

    /// <summary>
    /// "Obama Wins Nobel Prize", "MARKETS RALLY": every word of four letters or more in
    /// text[from..last] starts with a capital. A sentence, even one wrapped over lines, has lowercase words.
    /// </summary>
    public static bool IsHeadline(string text, int from, int last)
    {
        var capitalised = 0;
        var i = from;
        while (i <= last)
        {
            if (!char.IsLetter(text[i]))
            {
                i++;
                continue;
            }

            var wordStart = i;
            while (i <= last && char.IsLetter(text[i]))
            {
                i++;
            }

            if (i - wordStart >= MinHeadlineWordLength)
            {
                if (!char.IsUpper(text[wordStart]))
                {
                    return false;
                }

                capitalised++;
            }
        }

        return capitalised >= MinHeadlineWords;
    }

    /// <summary>
    /// "NEW YORK (Reuters) -", "WASHINGTON —", "LONDON, Jan. 5 (AP) --": a place in capitals opening a
    /// wire story, then a dash within a few words.
    /// </summary>
    public static bool IsDatelineAt(string text, int index)
    {
        var i = index;
        var placeLetters = 0;
        while (i < text.Length && char.IsUpper(text[i]) && i + 1 < text.Length && char.IsUpper(text[i + 1]))
        {
            while (i < text.Length && (char.IsUpper(text[i]) || text[i] == '.'))
            {
                i++;
                placeLetters++;
            }

            if (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        if (placeLetters < 3)
        {
            return false;
        }

        for (var tokens = 0; i < text.Length && tokens < MaxDatelineTokens && text[i] != '\n'; tokens++)
        {
            if (CharClasses.IsDash(text[i]) || (CharClasses.IsHyphen(text[i]) && (i + 1 == text.Length || !char.IsLetterOrDigit(text[i + 1]))))
            {
                return true;
            }

            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < text.Length && text[i] == ' ')
            {
                i++;
            }
        }

        return false;
    }
}
