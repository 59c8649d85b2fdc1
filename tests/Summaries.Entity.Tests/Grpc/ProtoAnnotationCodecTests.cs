using Google.Protobuf;
using Summaries.Contracts.Entity.V1;
using Summaries.Entity.Grpc;
using Summaries.Entity.Registry;
using Summaries.Language;

namespace Summaries.Entity.Tests.Grpc;

public sealed class ProtoAnnotationCodecTests
{
    private readonly ProtoAnnotationCodec _codec = new();

    [Fact]
    public void Decode_RowAsStoredBeforeDomainTypes_EncodesToTheSameBytes()
    {
        var stored = new Annotation { ArticleName = "articles/a1", AnnotatorVersion = "v1" };
        stored.Sentences.Add(new Sentence { Index = 0, Start = 0, End = 40, Text = "\"We agree,\" said Xi Jinping in Beijing." });
        stored.Mentions.Add(new Mention { Text = "Xi Jinping", Start = 17, End = 27, Type = EntityType.Person, EntityKey = "xi", SentenceIndex = 0 });
        stored.Mentions.Add(new Mention { Text = "Beijing", Start = 31, End = 38, Type = EntityType.Location, EntityKey = "beijing" });
        var xi = new TextEntity { Key = "xi", EntityName = "entities/person-xi-jinping", DisplayName = "Xi Jinping", Type = EntityType.Person, MentionCount = 1, Salience = 0.7 };
        xi.Aliases.Add("Xi");
        xi.Roles.Add(new Role { Text = "president", Start = 1, End = 9 });
        stored.Entities.Add(xi);
        stored.Entities.Add(new TextEntity { Key = "beijing", DisplayName = "Beijing", Type = EntityType.Location, MentionCount = 1, Salience = 0.3 });
        stored.Quotes.Add(new Quote { Text = "We agree,", Start = 1, End = 10, Cue = "said", SpeakerKey = "xi", SpeakerText = "Xi Jinping", SpeakerStart = 17, SpeakerEnd = 27, Direct = true });
        stored.Quotes.Add(new Quote { Text = "talks went on", Start = 0, End = 13, Cue = "reported", SpeakerStart = -1, SpeakerEnd = -1 });
        var bytes = stored.ToByteArray();

        var decoded = _codec.Decode(bytes);

        Assert.Equal(bytes, _codec.Encode(decoded));
        Assert.Null(decoded.Quotes[1].SpeakerKey);
        Assert.Equal(EntityKind.Location, decoded.Entities[1].Entity.Kind);
    }

    [Fact]
    public void Encode_AnnotatedSeed_DecodesToTheSameMessage()
    {
        var text = EntityServiceFixture.SeedText;
        var found = new RuleBasedAnnotator().Annotate(text);
        var names = found.Entities.ToDictionary(e => e.Key, e => EntityNames.For(e.Kind, e.DisplayName), StringComparer.Ordinal);
        var annotation = ArticleAnnotation.Of(text, found, "articles/seed", names);

        var proto = Annotation.Parser.ParseFrom(_codec.Encode(annotation));

        Assert.NotEmpty(proto.Quotes);
        Assert.Equal(AnnotationMapper.ToProto(annotation), proto);
        Assert.Equal(proto, AnnotationMapper.ToProto(_codec.Decode(proto.ToByteArray())));
        Assert.All(proto.Sentences, s => Assert.Equal(text[s.Start..s.End], s.Text));
    }
}
