package dev.twj.internet.selectreactor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.twj.internet.interfaces.IFileDescriptor;
import dev.twj.internet.interfaces.IReadDescriptor;
import dev.twj.internet.interfaces.IWriteDescriptor;
import dev.twj.python.failure.Failure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectableChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Java-only: SelectReactor's IReactorFDSet bookkeeping (one entry per channel, attached to its
 * selection key) and its dispatch of ready keys.
 */
@Timeout(30)
class SelectReactorFDSetBehaviourTests {
    private final SelectReactor reactor = new SelectReactor();
    private final List<Pipe> pipes = new ArrayList<>();

    @AfterEach
    public void closePipes() throws IOException {
        reactor.removeAll();
        for (Pipe p : pipes) {
            p.source().close();
            p.sink().close();
        }
    }

    private Pipe pipe() throws IOException {
        Pipe p = Pipe.open();
        p.source().configureBlocking(false);
        p.sink().configureBlocking(false);
        pipes.add(p);
        return p;
    }

    /** Reads (and counts) what its channel has; the channel is a pipe's source. */
    private static final class Reader implements IReadDescriptor {
        final SelectableChannel channel;
        int reads;

        Reader(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        public SelectableChannel fileno() {
            return channel;
        }

        @Override
        public Object doRead() {
            reads++;
            try {
                ((Pipe.SourceChannel) channel).read(ByteBuffer.allocate(64));
            } catch (IOException e) {
                return new Failure(e);
            }
            return null;
        }

        @Override
        public void connectionLost(Failure reason) {}

        @Override
        public String logPrefix() {
            return "Reader";
        }
    }

    /** Counts the times its channel (a pipe's sink) was writable. */
    private static final class Writer implements IWriteDescriptor {
        final SelectableChannel channel;
        int writes;

        Writer(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        public SelectableChannel fileno() {
            return channel;
        }

        @Override
        public Object doWrite() {
            writes++;
            return null;
        }

        @Override
        public void connectionLost(Failure reason) {}

        @Override
        public String logPrefix() {
            return "Writer";
        }
    }

    private static void feed(Pipe p) throws IOException {
        p.sink().write(ByteBuffer.wrap(new byte[] {1}));
    }

    @Test
    public void readersAndWritersAreListedOnceInTheOrderAdded() throws IOException {
        Reader r1 = new Reader(pipe().source());
        Reader r2 = new Reader(pipe().source());
        Writer w = new Writer(pipe().sink());
        reactor.addReader(r1);
        reactor.addWriter(w);
        reactor.addReader(r2);
        reactor.addReader(r1);
        assertEquals(List.of(r1, r2), reactor.getReaders());
        assertEquals(List.of(w), reactor.getWriters());
        reactor.removeReader(r1);
        reactor.removeReader(r1);
        reactor.removeWriter(new Writer(r1.channel));
        assertEquals(List.of(r2), reactor.getReaders());
        reactor.addReader(r1);
        assertEquals(List.of(r2, r1), reactor.getReaders());
    }

    @Test
    public void removeAllReturnsTheReadersThenTheWritersEachOnce() throws IOException {
        Pipe p = pipe();
        Reader r = new Reader(p.source());
        Writer w = new Writer(p.sink());
        Both b = new Both(pipe().source());
        reactor.addWriter(w);
        reactor.addReader(r);
        reactor.addReader(b);
        reactor.addWriter(b);
        assertEquals(List.<IFileDescriptor>of(r, b, w), reactor.removeAll());
        assertEquals(List.of(), reactor.getReaders());
        assertEquals(List.of(), reactor.getWriters());
        assertEquals(List.of(), reactor.removeAll());
    }

    /** A reader and a writer in one object. */
    private static final class Both implements IReadDescriptor, IWriteDescriptor {
        final SelectableChannel channel;

        Both(SelectableChannel channel) {
            this.channel = channel;
        }

        @Override
        public SelectableChannel fileno() {
            return channel;
        }

        @Override
        public Object doRead() {
            return null;
        }

        @Override
        public Object doWrite() {
            return null;
        }

        @Override
        public void connectionLost(Failure reason) {}

        @Override
        public String logPrefix() {
            return "Both";
        }
    }

    @Test
    public void aReadyChannelIsDispatchedToItsReaderAndAStoppedOneIsNot() throws IOException {
        Pipe p1 = pipe();
        Pipe p2 = pipe();
        Reader r1 = new Reader(p1.source());
        Reader r2 = new Reader(p2.source());
        reactor.addReader(r1);
        reactor.addReader(r2);
        feed(p1);
        feed(p2);
        reactor.removeReader(r2);
        reactor.iterate(0);
        assertEquals(1, r1.reads);
        assertEquals(0, r2.reads);
        // Added again: its key is registered still (with no interest), and now reports it.
        reactor.addReader(r2);
        reactor.iterate(0);
        assertEquals(1, r2.reads);
    }

    @Test
    public void aReaderAndAWriterOfOneChannelAreBothDispatched() throws IOException {
        Pipe p = pipe();
        Reader r = new Reader(p.source());
        Writer w = new Writer(p.source());
        reactor.addReader(r);
        reactor.addWriter(w);
        feed(p);
        reactor.iterate(0);
        assertEquals(1, r.reads);
        assertEquals(0, w.writes, "a pipe's source is never writable");
        reactor.removeWriter(w);
        feed(p);
        reactor.iterate(0);
        assertEquals(2, r.reads);
        assertEquals(List.of(r), reactor.getReaders());
    }

    @Test
    public void keysSelectedByReleaseClosedChannelsAreDispatchedByTheNextIteration() throws IOException {
        Pipe p = pipe();
        Reader r = new Reader(p.source());
        reactor.addReader(r);
        feed(p);
        reactor.releaseClosedChannels();
        reactor.iterate(0);
        assertEquals(1, r.reads);
        reactor.iterate(0);
        assertEquals(1, r.reads, "read everything the first time");
    }

    @Test
    public void aReaderWhoseChannelWasClosedStaysListedUntilRemoved() throws IOException {
        Pipe p = pipe();
        Reader r = new Reader(p.source());
        reactor.addReader(r);
        p.source().close();
        // The select deregisters the closed channel's key: keyFor no longer finds it.
        reactor.iterate(0);
        assertEquals(0, r.reads);
        assertEquals(List.of(r), reactor.getReaders());
        reactor.removeReader(r);
        assertEquals(List.of(), reactor.getReaders());
    }

    @Test
    public void addingAReaderOfAClosedChannelListsItUntilRemoved() throws IOException {
        Pipe p = pipe();
        Reader r = new Reader(p.source());
        p.source().close();
        reactor.addReader(r);
        reactor.iterate(0);
        assertEquals(List.of(r), reactor.getReaders());
        reactor.removeReader(r);
        assertEquals(List.of(), reactor.getReaders());
    }
}
