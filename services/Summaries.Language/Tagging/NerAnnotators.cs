using Summaries.Language.Lexicons;
using Summaries.Language.Recognition;
using Summaries.Language.Segmentation;

namespace Summaries.Language.Tagging;

/// <summary>
/// Annotators whose mention recogniser uses the NER model. The service runs the hybrid one by
/// default (Entity:Recognizer); the evaluation tool compares all three.
/// </summary>
public static class NerAnnotators
{
    /// <summary>The full pipeline with the model as the only mention recogniser.</summary>
    public static ITextAnnotator WithModel(NerModel model) =>
        new RuleBasedAnnotator(Lexicon.Default, new PerceptronMentionRecognizer(model), "ner-1");

    /// <summary>The full pipeline with <see cref="HybridMentionRecognizer"/>: rules and model together.</summary>
    public static ITextAnnotator Hybrid(NerModel model) =>
        new RuleBasedAnnotator(
            Lexicon.Default,
            new HybridMentionRecognizer(new RuleMentionRecognizer(Lexicon.Default), new PerceptronMentionRecognizer(model)),
            "hybrid-ner-1");

    /// <summary>The text split into sentences and tokens exactly as the annotator splits it, for the tagger.</summary>
    public static NerDocument Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ToDocument(new RuleBasedAnnotator().Tokenize(text));
    }

    internal static NerDocument ToDocument(TokenizedText text) =>
        new(text.Surface, text.SentenceFirstToken, text.SentenceEndToken);
}
