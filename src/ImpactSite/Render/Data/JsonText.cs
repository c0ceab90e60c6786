using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ImpactSite.Render.Data;

/// <summary>
/// A JSON tree as UTF-8 bytes, written straight from the tree: the same bytes JsonSerializer gives with the same options,
/// without its reflection-based path, which the native (AOT) executable does not have.
/// </summary>
static class JsonText
{
    public static byte[] Utf8(JsonNode node, JsonWriterOptions options)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, options)) node.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
