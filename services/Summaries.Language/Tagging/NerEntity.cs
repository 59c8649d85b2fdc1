namespace Summaries.Language.Tagging;

/// <summary>
/// An entity the tagger found: tokens <c>[Start, End)</c> of the document (not of the sentence),
/// its CoNLL type, and its margin: how much worse the best labelling that disagrees on any of its
/// tokens scores. The margin's scale is the model's own; compare it with <see cref="NerModel.StrongMargin"/>.
/// </summary>
public sealed record NerEntity(int Sentence, int Start, int End, string Type, float Margin);
