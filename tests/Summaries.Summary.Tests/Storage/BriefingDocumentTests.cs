using Summaries.Summary.Balance;
using Summaries.Summary.Briefings;
using Summaries.Summary.Grpc;
using Summaries.Summary.Storage;
using Summaries.Summary.Writing;

namespace Summaries.Summary.Tests.Storage;

/// <summary>The stored JSON form of a briefing: stable across releases, and faithful to every field.</summary>
public sealed class BriefingDocumentTests
{
    /// <summary>A row as this release writes it. Renaming a property of the briefing's records breaks this test, as it would break stored rows.</summary>
    private const string StoredRow = """
        {
          "name": "briefings/0123456789abcdef",
          "headline": "Ministers meet in Geneva",
          "headlineCitations": [
            {
              "articleName": "articles/a1",
              "sentenceIndex": 0,
              "start": 0,
              "end": 52
            }
          ],
          "sections": [
            {
              "kind": "WhatHappened",
              "title": "What happened",
              "party": "",
              "partyDisplayName": "",
              "sentences": [
                {
                  "text": "Ministers met in Geneva.",
                  "citations": [
                    {
                      "articleName": "articles/a1",
                      "sentenceIndex": 0,
                      "start": 0,
                      "end": 52
                    }
                  ],
                  "speaker": "",
                  "speakerDisplayName": ""
                }
              ]
            },
            {
              "kind": "Position",
              "title": "Ana Ruiz",
              "party": "entities/person-ana-ruiz",
              "partyDisplayName": "Ana Ruiz",
              "sentences": [
                {
                  "text": "Ana Ruiz called the deal fair.",
                  "citations": [
                    {
                      "articleName": "articles/a2",
                      "sentenceIndex": 3,
                      "start": 120,
                      "end": 170
                    }
                  ],
                  "speaker": "entities/person-ana-ruiz",
                  "speakerDisplayName": "Ana Ruiz"
                }
              ]
            }
          ],
          "engine": {
            "kind": "Llm",
            "model": "llama3",
            "version": "prompt-v4",
            "promptTokens": 812,
            "completionTokens": 96,
            "latency": "00:00:01.2345678"
          },
          "warnings": [
            "one source only"
          ],
          "articleNames": [
            "articles/a1",
            "articles/a2"
          ],
          "createTime": "2025-03-01T09:30:15.1234567+00:00",
          "options": {
            "length": "Long",
            "engine": "Auto",
            "refresh": true
          },
          "balance": {
            "parties": [
              {
                "party": "entities/person-ana-ruiz",
                "displayName": "Ana Ruiz",
                "sourceQuotes": 3,
                "sourceQuoteShare": 0.3333333333333333,
                "sourceWords": 41,
                "sourceWordShare": 0.6667,
                "briefingSentences": 1,
                "briefingSentenceShare": 0.5,
                "briefingWords": 9,
                "briefingWordShare": 0.1234,
                "leftOutOfText": false
              }
            ],
            "loadedTermsLeftOut": [
              {
                "term": "slammed",
                "articleName": "articles/a2",
                "start": 10,
                "end": 17
              }
            ]
          },
          "cached": false
        }
        """;

    private static Briefing Sample() => new(
        "briefings/0123456789abcdef",
        "Ministers meet in Geneva",
        [new BriefingCitation("articles/a1", 0, 0, 52)],
        [
            new BriefingSection(DraftSectionKind.WhatHappened, "What happened", string.Empty, string.Empty,
                [new BriefingSentence("Ministers met in Geneva.", [new BriefingCitation("articles/a1", 0, 0, 52)], string.Empty, string.Empty)]),
            new BriefingSection(DraftSectionKind.Position, "Ana Ruiz", "entities/person-ana-ruiz", "Ana Ruiz",
                [new BriefingSentence("Ana Ruiz called the deal fair.", [new BriefingCitation("articles/a2", 3, 120, 170)], "entities/person-ana-ruiz", "Ana Ruiz")]),
        ],
        new BriefingEngine(WriterKind.Llm, "llama3", "prompt-v4", 812, 96, TimeSpan.FromTicks(12_345_678)),
        ["one source only"],
        ["articles/a1", "articles/a2"],
        new DateTimeOffset(2025, 3, 1, 9, 30, 15, 123, TimeSpan.Zero).AddTicks(4567),
        new BriefingOptions(BriefingLength.Long, EnginePreference.Auto, Refresh: true),
        new BalanceReport(
            [new PartyBalance("entities/person-ana-ruiz", "Ana Ruiz", 3, 1 / 3.0, 41, 0.6667, 1, 0.5, 9, 0.1234, LeftOutOfText: false)],
            [new LoadedTermLeftOut("slammed", "articles/a2", 10, 17)]));

    [Fact]
    public void Decode_RowOfThisRelease_TheBriefingItHeld() =>
        Assert.Equal(BriefingMapper.ToProto(Sample()), BriefingMapper.ToProto(BriefingDocument.Decode(StoredRow)));

    [Fact]
    public void Encode_ThenDecode_SameOnTheWire()
    {
        var stored = BriefingDocument.Encode(Sample());

        Assert.Equal(BriefingMapper.ToProto(Sample()), BriefingMapper.ToProto(BriefingDocument.Decode(stored)));
    }

    [Fact]
    public void Read_NoDocument_TheWirePayload()
    {
        var wire = new ProtoBriefingPayloads();

        var read = BriefingDocument.Read(null, wire.Encode(Sample()), wire);

        Assert.Equal(BriefingMapper.ToProto(Sample()), BriefingMapper.ToProto(read));
    }
}
