package dev.twj.benchmarks;

import dev.twj.protocols.basic.LineReceiver;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LineBasedFrameDecoder;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Line parsing throughput (issue 5): twj's {@link LineReceiver} against Netty's
 * {@link LineBasedFrameDecoder} on the same input, many {@code \r\n}-terminated lines fed in
 * 64 KiB chunks (so chunk ends fall inside lines), with a receiver that does nothing with a line.
 *
 * <ul>
 *   <li>{@code twj*}: {@code LineReceiver.dataReceived} per chunk, {@code lineReceived} a no-op
 *       (each line is a fresh {@code byte[]});</li>
 *   <li>{@code nettyDecode*}: Netty's decoder driven as {@code ByteToMessageDecoder} drives it,
 *       without a pipeline: the chunk is added to a cumulation buffer, {@code decode} is called
 *       until it returns null, each frame (a retained slice, no copy) is released;</li>
 *   <li>{@code nettyEmbedded*}: the decoder in an {@code EmbeddedChannel} pipeline with a
 *       handler that releases each frame: what a Netty application pays.</li>
 * </ul>
 *
 * <p>An operation is one line, so the score is lines per second; MB/s is that times the line
 * length (20 or 1024 bytes, delimiter included) / 10^6. Run:
 * {@code java -jar twj-benchmarks/target/benchmarks.jar LineReceiver -f 1 -wi 3 -i 5 -w 1 -r 1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LineReceiverBenchmark {
    static final int CHUNK = 64 * 1024;
    static final int SHORT = 20;
    static final int SHORT_LINES = 131_072;
    static final int LONG = 1024;
    static final int LONG_LINES = 4_096;
    static final int MAX_LENGTH = 16384;

    /** {@code count} lines of {@code length} bytes (delimiter included) cut in 64 KiB chunks. */
    static byte[][] chunks(int length, int count) {
        byte[] all = new byte[length * count];
        for (int i = 0; i < count; i++) {
            int at = i * length;
            for (int j = 0; j < length - 2; j++) {
                all[at + j] = (byte) ('a' + (i + j) % 26);
            }
            all[at + length - 2] = '\r';
            all[at + length - 1] = '\n';
        }
        int n = (all.length + CHUNK - 1) / CHUNK;
        byte[][] chunks = new byte[n][];
        for (int i = 0; i < n; i++) {
            chunks[i] = Arrays.copyOfRange(all, i * CHUNK, Math.min(all.length, (i + 1) * CHUNK));
        }
        return chunks;
    }

    /** A line receiver that counts lines. */
    static final class Counting extends LineReceiver {
        long lines;

        Counting() {
            MAX_LENGTH = LineReceiverBenchmark.MAX_LENGTH;
        }

        @Override
        public void lineReceived(byte[] line) {
            lines++;
        }
    }

    /** Netty's decoder with its {@code decode} reachable. */
    static final class Decoder extends LineBasedFrameDecoder {
        Decoder() {
            super(MAX_LENGTH, true, false);
        }

        Object decodeOne(ByteBuf buffer) throws Exception {
            return decode(null, buffer);
        }
    }

    /** The input, the receivers and decoders. */
    @State(Scope.Thread)
    public static class Input {
        byte[][] shortChunks;
        byte[][] longChunks;
        Counting twj;
        Decoder decoder;
        ByteBuf cumulation;
        EmbeddedChannel channel;
        long frames;

        @Setup(Level.Trial)
        public void setUp() {
            shortChunks = chunks(SHORT, SHORT_LINES);
            longChunks = chunks(LONG, LONG_LINES);
            twj = new Counting();
            decoder = new Decoder();
            cumulation = ByteBufAllocator.DEFAULT.heapBuffer(2 * CHUNK);
            channel = new EmbeddedChannel(new Decoder(), new ChannelInboundHandlerAdapter() {
                @Override
                public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    frames++;
                    ReferenceCountUtil.release(msg);
                }
            });
            byte[] check = "a\r\nbb\r\n".getBytes(StandardCharsets.US_ASCII);
            Counting c = new Counting();
            c.dataReceived(check);
            if (c.lines != 2) {
                throw new IllegalStateException("LineReceiver found " + c.lines + " lines");
            }
        }
    }

    static long twj(Input in, byte[][] chunks) {
        long before = in.twj.lines;
        for (byte[] chunk : chunks) {
            in.twj.dataReceived(chunk);
        }
        return in.twj.lines - before;
    }

    static long nettyDecode(Input in, byte[][] chunks) throws Exception {
        long frames = 0;
        ByteBuf cumulation = in.cumulation;
        for (byte[] chunk : chunks) {
            cumulation.discardSomeReadBytes();
            cumulation.writeBytes(chunk);
            Object frame;
            while ((frame = in.decoder.decodeOne(cumulation)) != null) {
                frames++;
                ((ByteBuf) frame).release();
            }
        }
        return frames;
    }

    static long nettyEmbedded(Input in, byte[][] chunks) {
        long before = in.frames;
        for (byte[] chunk : chunks) {
            in.channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        return in.frames - before;
    }

    /** twj LineReceiver, 20-byte lines. */
    @Benchmark
    @OperationsPerInvocation(SHORT_LINES)
    public void twjShort(Input in, Blackhole bh) {
        bh.consume(twj(in, in.shortChunks));
    }

    /** Netty LineBasedFrameDecoder.decode, 20-byte lines. */
    @Benchmark
    @OperationsPerInvocation(SHORT_LINES)
    public void nettyDecodeShort(Input in, Blackhole bh) throws Exception {
        bh.consume(nettyDecode(in, in.shortChunks));
    }

    /** Netty LineBasedFrameDecoder in an EmbeddedChannel, 20-byte lines. */
    @Benchmark
    @OperationsPerInvocation(SHORT_LINES)
    public void nettyEmbeddedShort(Input in, Blackhole bh) {
        bh.consume(nettyEmbedded(in, in.shortChunks));
    }

    /** twj LineReceiver, 1 KiB lines. */
    @Benchmark
    @OperationsPerInvocation(LONG_LINES)
    public void twjLong(Input in, Blackhole bh) {
        bh.consume(twj(in, in.longChunks));
    }

    /** Netty LineBasedFrameDecoder.decode, 1 KiB lines. */
    @Benchmark
    @OperationsPerInvocation(LONG_LINES)
    public void nettyDecodeLong(Input in, Blackhole bh) throws Exception {
        bh.consume(nettyDecode(in, in.longChunks));
    }

    /** Netty LineBasedFrameDecoder in an EmbeddedChannel, 1 KiB lines. */
    @Benchmark
    @OperationsPerInvocation(LONG_LINES)
    public void nettyEmbeddedLong(Input in, Blackhole bh) {
        bh.consume(nettyEmbedded(in, in.longChunks));
    }
}
