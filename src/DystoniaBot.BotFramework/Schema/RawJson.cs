using System.Text.Json;
using System.Text.Json.Serialization;

namespace DystoniaBot.BotFramework.Schema;

/// <summary>
/// JSON already written (a card built with a <see cref="Utf8JsonWriter"/>), serialized as is: an activity's card is
/// built for every answer, and parsing it into a <see cref="JsonElement"/> only to write it out again cost a few
/// percent of a turn. Use it as an <see cref="Attachment.Content"/>; read back, content is a <see cref="JsonElement"/>.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    /// <summary>Wraps <paramref name="utf8"/>, which must hold one complete JSON value (it is not validated).</summary>
    public RawJson(ReadOnlyMemory<byte> utf8) => Utf8 = utf8;

    /// <summary>The JSON, UTF-8 encoded.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; }

    /// <inheritdoc />
    public override string ToString() => System.Text.Encoding.UTF8.GetString(Utf8.Span);
}

/// <summary>Writes a <see cref="RawJson"/> as it is; reads any JSON value into one.</summary>
internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return new RawJson(System.Text.Encoding.UTF8.GetBytes(document.RootElement.GetRawText()));
    }

    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8.Span, skipInputValidation: true);
}
