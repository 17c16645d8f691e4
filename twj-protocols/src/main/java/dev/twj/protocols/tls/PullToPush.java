package dev.twj.protocols.tls;

import dev.twj.internet.interfaces.IConsumer;
import dev.twj.internet.interfaces.IPullProducer;
import dev.twj.internet.interfaces.IPushProducer;
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
    private boolean finished;
    private CooperativeTask<Object> coopTask;

    PullToPush(IPullProducer pullProducer, IConsumer consumer) {
        this.producer = pullProducer;
        this.consumer = consumer;
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
        coopTask = Task.cooperate(pull());
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
