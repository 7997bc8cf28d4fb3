// Build-time task (compiled by MSBuild's RoslynCodeTaskFactory, not into the assembly): see the project file.
#nullable enable
using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Rewrites an ONNX graph so that each initializer of at least <see cref="MinimumBytes"/> is stored in a file of its
/// own beside the graph (ONNX external data), at a page-aligned offset. ONNX Runtime maps such a file into memory
/// and uses it in place, so only the pages that are read become resident: for the word-embedding table (30,522 rows
/// of which a question reads a few dozen) that is most of 47 MB a process never holds. Weights every question reads
/// in full are better left in the graph (ONNX Runtime packs them into copies of its own anyway), hence the size.
/// Only the wire format is read: fields are copied byte for byte and two length prefixes written again.
/// </summary>
public sealed class MoveLookupTablesOutOfGraph : Task
{
    private const int PageSize = 4096;

    // ModelProto.graph, GraphProto.initializer, and TensorProto's raw_data, external_data and data_location.
    private const int GraphField = 7;
    private const int InitializerField = 5;
    private const int RawDataField = 9;
    private const int ExternalDataField = 13;
    private const int DataLocationField = 14;
    private const int ExternalLocation = 1;

    /// <summary>The self-contained ONNX graph as the package ships it.</summary>
    [Required]
    public string SourceFile { get; set; } = "";

    /// <summary>The graph to write, its large initializers replaced by references into <see cref="DataFile"/>.</summary>
    [Required]
    public string GraphFile { get; set; } = "";

    /// <summary>The file the large initializers' bytes are written to, beside <see cref="GraphFile"/>.</summary>
    [Required]
    public string DataFile { get; set; } = "";

    /// <summary>The smallest initializer moved out of the graph, in bytes.</summary>
    public int MinimumBytes { get; set; } = 16 * 1024 * 1024;

    public override bool Execute()
    {
        if (!string.Equals(Path.GetDirectoryName(Path.GetFullPath(GraphFile)), Path.GetDirectoryName(Path.GetFullPath(DataFile)), StringComparison.Ordinal))
        {
            Log.LogError("{0} must be written beside {1}: ONNX Runtime looks for external data relative to the graph.", DataFile, GraphFile);
            return false;
        }

        var source = File.ReadAllBytes(SourceFile);
        var graph = new MemoryStream();
        var data = new MemoryStream();
        var moved = 0;
        try
        {
            foreach (var field in Fields(source, 0, source.Length))
            {
                if (field.Number != GraphField || field.WireType != 2)
                {
                    graph.Write(source, field.Start, field.End - field.Start);
                    continue;
                }

                var rewritten = new MemoryStream();
                foreach (var inner in Fields(source, field.PayloadStart, field.End))
                {
                    byte[]? tensor = inner.Number == InitializerField && inner.WireType == 2
                        ? MoveOut(source, inner.PayloadStart, inner.End, data, Path.GetFileName(DataFile))
                        : null;
                    if (tensor is null)
                    {
                        rewritten.Write(source, inner.Start, inner.End - inner.Start);
                    }
                    else
                    {
                        WriteLengthDelimited(rewritten, InitializerField, tensor);
                        moved++;
                    }
                }

                WriteLengthDelimited(graph, GraphField, rewritten.ToArray());
            }
        }
        catch (Exception e) when (e is InvalidDataException or OverflowException)
        {
            Log.LogError("{0} is not an ONNX graph this build can read: {1}", SourceFile, e.Message);
            return false;
        }

        if (moved == 0)
        {
            Log.LogError("{0} has no initializer of {1} bytes or more to move out of the graph.", SourceFile, MinimumBytes);
            return false;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(GraphFile))!);
        File.WriteAllBytes(DataFile, data.ToArray());
        File.WriteAllBytes(GraphFile, graph.ToArray());
        Log.LogMessage(MessageImportance.Normal, "{0}: {1} initializer(s), {2} bytes, moved to {3}", GraphFile, moved, data.Length, DataFile);
        return true;
    }

    // The tensor without its raw bytes and with a reference to where they now are, or null to keep it as it is.
    private byte[]? MoveOut(byte[] source, int start, int end, MemoryStream data, string location)
    {
        var kept = new MemoryStream();
        int rawStart = -1, rawEnd = -1;
        foreach (var field in Fields(source, start, end))
        {
            if (field.Number == RawDataField && field.WireType == 2)
            {
                rawStart = field.PayloadStart;
                rawEnd = field.End;
            }
            else
            {
                kept.Write(source, field.Start, field.End - field.Start);
            }
        }

        if (rawStart < 0 || rawEnd - rawStart < MinimumBytes)
        {
            return null;
        }

        var offset = (data.Length + PageSize - 1) / PageSize * PageSize;
        data.SetLength(offset);
        data.Position = offset;
        data.Write(source, rawStart, rawEnd - rawStart);
        foreach (var (key, value) in new[]
                 {
                     ("location", location),
                     ("offset", offset.ToString(CultureInfo.InvariantCulture)),
                     ("length", (rawEnd - rawStart).ToString(CultureInfo.InvariantCulture)),
                 })
        {
            var entry = new MemoryStream();
            WriteLengthDelimited(entry, 1, Encoding.UTF8.GetBytes(key));
            WriteLengthDelimited(entry, 2, Encoding.UTF8.GetBytes(value));
            WriteLengthDelimited(kept, ExternalDataField, entry.ToArray());
        }

        WriteVarint(kept, (ulong)DataLocationField << 3);
        WriteVarint(kept, ExternalLocation);
        return kept.ToArray();
    }

    // One field of a message: its number, wire type, where its key starts, where its payload starts and ends.
    private readonly struct Field
    {
        public Field(int number, int wireType, int start, int payloadStart, int end)
        {
            Number = number;
            WireType = wireType;
            Start = start;
            PayloadStart = payloadStart;
            End = end;
        }

        public int Number { get; }

        public int WireType { get; }

        public int Start { get; }

        public int PayloadStart { get; }

        public int End { get; }
    }

    private static IEnumerable<Field> Fields(byte[] buffer, int start, int end)
    {
        var position = start;
        while (position < end)
        {
            var fieldStart = position;
            var key = ReadVarint(buffer, ref position, end);
            var number = (int)(key >> 3);
            var wireType = (int)(key & 7);
            var payload = position;
            switch (wireType)
            {
                case 0:
                    ReadVarint(buffer, ref position, end);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = ReadVarint(buffer, ref position, end);
                    payload = position;
                    position = checked(position + (int)length);
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"wire type {wireType} at byte {fieldStart}");
            }

            if (position > end)
            {
                throw new InvalidDataException($"field {number} at byte {fieldStart} runs past its message");
            }

            yield return new Field(number, wireType, fieldStart, payload, position);
        }
    }

    private static ulong ReadVarint(byte[] buffer, ref int position, int end)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= end)
            {
                throw new InvalidDataException("a number runs past its message");
            }

            var b = buffer[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("a number longer than ten bytes");
    }

    private static void WriteLengthDelimited(Stream output, int number, byte[] payload)
    {
        WriteVarint(output, ((ulong)number << 3) | 2);
        WriteVarint(output, (ulong)payload.Length);
        output.Write(payload, 0, payload.Length);
    }

    private static void WriteVarint(Stream output, ulong value)
    {
        while (value >= 0x80)
        {
            output.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        output.WriteByte((byte)value);
    }
}
