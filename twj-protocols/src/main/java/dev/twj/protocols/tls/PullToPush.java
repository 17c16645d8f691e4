package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
import dev.twj.internet.task.Cooperator;
import dev.twj.internet.task.CooperativeTask;
import dev.twj.internet.task.Task;
import dev.twj.logger.Logger;
import dev.twj.python.failure.Failure;
import java.util.Iterator;

/**
 * Turns a non-streaming (pull) producer into a streaming one by calling its
 * {@code resumeProducing} from a cooperative task. Port of
 * {@code twisted.internet._producer_helpers._PullToPush}.
 *
 * <p>The consumer calls {@link #startStreaming} when the producer is registered and
 * {@link #stopStreaming} when it is unregistered. If the producer throws from
 * {@code resumeProducing}, it is unregistered from the consumer.
 */
final class PullToPush implements IPushProducer {
    private static final Logger log = new Logger(PullToPush.class);

    final IPullProducer producer;
    private final IConsumer consumer;
    private final Cooperator cooperator;
    private boolean finished;
    private CooperativeTask<Object> coopTask;

    /** Streams {@code pullProducer} with the global cooperator ({@code Task.cooperate}). */
    PullToPush(IPullProducer pullProducer, IConsumer consumer) {
        this(pullProducer, consumer, null);
    }

    /** Streams with {@code cooperator} (tests drive one on a Clock), or the global one if null. */
    PullToPush(IPullProducer pullProducer, IConsumer consumer, Cooperator cooperator) {
        this.producer = pullProducer;
        this.consumer = consumer;
        this.cooperator = cooperator;
    }

    /** True once streaming has finished: Twisted's {@code _finished}. */
    boolean finished() {
        return finished;
    }

    /** The task driving the producer, once started. */
    CooperativeTask<Object> coopTask() {
        return coopTask;
    }

    private Iterator<Object> pull() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !finished;
            }

            @Override
            public Object next() {
                try {
                    producer.resumeProducing();
                } catch (VirtualMachineError e) {
                    throw e;
                } catch (Throwable t) {
                    log.failure("while calling resumeProducing on {producer}", new Failure(t), "producer", producer);
                    try {
                        consumer.unregisterProducer();
                    } catch (VirtualMachineError e) {
                        throw e;
                    } catch (Throwable t2) {
                        log.failure("while calling unregisterProducer on {consumer}", new Failure(t2),
                                "consumer", consumer);
                        finished = true;
                    }
                }
                return null;
            }
        };
    }

    /** Starts streaming data to the consumer. */
    void startStreaming() {
        coopTask = cooperator == null ? Task.cooperate(pull()) : cooperator.cooperate(pull());
    }

    /** Stops streaming data to the consumer. */
    void stopStreaming() {
        if (finished) {
            return;
        }
        finished = true;
        coopTask.stop();
    }

    @Override
    public void pauseProducing() {
        coopTask.pause();
    }

    @Override
    public void resumeProducing() {
        coopTask.resume();
    }

    @Override
    public void stopProducing() {
        stopStreaming();
        producer.stopProducing();
    }
}
