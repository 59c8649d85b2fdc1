namespace Summaries.Entity.Registry;

/// <summary>
/// How an article's annotation is kept in the store: the store holds opaque bytes, written and read
/// only through this, so the stored format is chosen in one place (the composition root).
/// </summary>
public interface IAnnotationCodec
{
    byte[] Encode(ArticleAnnotation annotation);

    ArticleAnnotation Decode(byte[] payload);
}
