using Google.Protobuf;
using Summaries.Entity.Registry;

namespace Summaries.Entity.Grpc;

/// <summary>
/// Stores an annotation as the serialized <c>summaries.entity.v1.Annotation</c> message, the format
/// every stored row already has. It lives beside the mapper because the stored bytes are the wire message.
/// </summary>
public sealed class ProtoAnnotationCodec : IAnnotationCodec
{
    public byte[] Encode(ArticleAnnotation annotation) => AnnotationMapper.ToProto(annotation).ToByteArray();

    public ArticleAnnotation Decode(byte[] payload) => AnnotationMapper.FromProto(Contracts.Entity.V1.Annotation.Parser.ParseFrom(payload));
}
