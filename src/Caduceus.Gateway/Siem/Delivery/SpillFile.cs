using System.Text.Json;
using Caduceus.Events;

namespace Caduceus.Gateway.Siem.Delivery;

/// <summary>
/// An exporter's append-only overflow on disk (<c>siem-spill/NAME.jsonl</c>, mode 0600): events its receiver has not
/// acknowledged yet, one JSON line each, oldest first. It is read from the front and deleted only when everything in
/// it has been acknowledged; a file left by a previous run is picked up at start (its events may be sent twice,
/// always with the same event id). Security events hold ids, types, codes and counts, never text.
/// </summary>
internal sealed class SpillFile : IDisposable
{
    private const int MaxReadBytes = 4 << 20;
    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly Lock _gate = new();
    private readonly long _maxBytes;
    private FileStream? _writer;
    private long _length;
    private long _readOffset;
    private long _dropped;

    public SpillFile(string path, long maxBytes)
    {
        Path = path;
        _maxBytes = maxBytes;
        if (File.Exists(path))
        {
            _length = new FileInfo(path).Length;
            EndWithNewLine();
        }
    }

    public string Path { get; }

    public bool HasPending
    {
        get
        {
            lock (_gate)
            {
                return _readOffset < _length;
            }
        }
    }

    /// <summary>Events refused because the file had reached its size limit or could not be written.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Appends events in order; returns false (and counts them) if the file is full.</summary>
    public bool Append(IReadOnlyList<SecurityEvent> events)
    {
        if (events.Count == 0)
        {
            return true;
        }

        using var buffer = new MemoryStream();
        foreach (var securityEvent in events)
        {
            JsonSerializer.Serialize(buffer, securityEvent, SecurityEventJsonContext.Default.SecurityEvent);
            buffer.Write(NewLine);
        }

        lock (_gate)
        {
            if (_length + buffer.Length > _maxBytes)
            {
                Interlocked.Add(ref _dropped, events.Count);
                return false;
            }

            try
            {
                _writer ??= OpenForAppend();
                buffer.Position = 0;
                buffer.CopyTo(_writer);
                _writer.Flush();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // A failing disk must not fail the request that raised the event; the loss is counted and logged.
                _writer?.Dispose();
                _writer = null;
                _length = File.Exists(Path) ? new FileInfo(Path).Length : 0;
                Interlocked.Add(ref _dropped, events.Count);
                return false;
            }

            _length += buffer.Length;
            return true;
        }
    }

    /// <summary>Up to <paramref name="maxEvents"/> events from the front of what is not acknowledged yet.</summary>
    public SpillBatch Read(int maxEvents)
    {
        long start, end;
        lock (_gate)
        {
            start = _readOffset;
            end = _length;
        }

        if (start >= end)
        {
            return new SpillBatch([], start, 0);
        }

        var bytes = new byte[(int)Math.Min(end - start, MaxReadBytes)];
        using (var reader = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            reader.Seek(start, SeekOrigin.Begin);
            reader.ReadExactly(bytes);
        }

        var events = new List<SecurityEvent>();
        var consumed = 0;
        var unreadable = 0;
        while (events.Count < maxEvents)
        {
            var lineLength = bytes.AsSpan(consumed).IndexOf((byte)'\n');
            if (lineLength < 0)
            {
                // A line longer than a whole read cannot be an event: skip it rather than stall behind it.
                if (consumed == 0 && bytes.Length == MaxReadBytes)
                {
                    consumed = bytes.Length;
                    unreadable++;
                }

                break;
            }

            var line = bytes.AsSpan(consumed, lineLength);
            consumed += lineLength + 1;
            if (line.IsEmpty)
            {
                continue;
            }

            var securityEvent = TryParse(line);
            if (securityEvent is null)
            {
                unreadable++;
            }
            else
            {
                events.Add(securityEvent);
            }
        }

        return new SpillBatch(events, start + consumed, unreadable);
    }

    /// <summary>Everything before <paramref name="endOffset"/> reached the receiver; the file goes once all of it has.</summary>
    public void Acknowledge(long endOffset)
    {
        lock (_gate)
        {
            _readOffset = Math.Max(_readOffset, endOffset);
            if (_readOffset < _length)
            {
                return;
            }

            _writer?.Dispose();
            _writer = null;
            File.Delete(Path);
            _readOffset = 0;
            _length = 0;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _writer?.Dispose();
            _writer = null;
        }
    }

    private static SecurityEvent? TryParse(ReadOnlySpan<byte> line)
    {
        try
        {
            var securityEvent = JsonSerializer.Deserialize(line, SecurityEventJsonContext.Default.SecurityEvent);
            return securityEvent is { Id.Length: > 0, Type.Length: > 0, EntityCounts: not null, Detectors: not null } ? securityEvent : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private FileStream OpenForAppend()
    {
        var directory = System.IO.Path.GetDirectoryName(Path)!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(directory);
        }
        else
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read | FileShare.Delete };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new FileStream(Path, options);
    }

    // A crash in the middle of a write leaves a partial last line; closing it makes it one unreadable line to skip.
    private void EndWithNewLine()
    {
        if (_length == 0)
        {
            return;
        }

        using var file = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        file.Seek(-1, SeekOrigin.End);
        if (file.ReadByte() != '\n')
        {
            file.Write(NewLine);
            _length++;
        }
    }
}
