package dev.netcost.processor.write;

import java.io.IOException;
import java.io.Writer;

/**
 * Gathers what is written in memory and hands it to the Filer's writer {@value #SIZE} characters
 * at a time. The reports and the companion are written a few characters at a time, and the
 * Filer's writer encodes each call on its own; {@link java.io.BufferedWriter} would gather them
 * too, but takes a lock on every call, millions of them for a large network's reports.
 */
final class GatheringWriter extends Writer {
    static final int SIZE = 1 << 16;

    private final Writer out;
    private final StringBuilder gathered = new StringBuilder(SIZE);
    private char[] piece = new char[SIZE];

    GatheringWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        gathered.append((char) c);
        spill();
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        gathered.append(chars, offset, length);
        spill();
    }

    @Override
    public void write(String s) throws IOException {
        gathered.append(s);
        spill();
    }

    @Override
    public void write(String s, int offset, int length) throws IOException {
        gathered.append(s, offset, offset + length);
        spill();
    }

    @Override
    public Writer append(CharSequence s) throws IOException {
        gathered.append(s);
        spill();
        return this;
    }

    @Override
    public Writer append(CharSequence s, int start, int end) throws IOException {
        gathered.append(s, start, end);
        spill();
        return this;
    }

    @Override
    public Writer append(char c) throws IOException {
        gathered.append(c);
        spill();
        return this;
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try (out) {
            drain();
        }
    }

    private void spill() throws IOException {
        if (gathered.length() >= SIZE) {
            drain();
        }
    }

    /** Hands on what is gathered, through one array kept for it rather than a string per piece. */
    private void drain() throws IOException {
        int length = gathered.length();
        if (length == 0) {
            return;
        }
        if (piece.length < length) {
            piece = new char[length];
        }
        gathered.getChars(0, length, piece, 0);
        out.write(piece, 0, length);
        gathered.setLength(0);
    }
}
