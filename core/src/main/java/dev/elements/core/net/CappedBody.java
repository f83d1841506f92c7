package dev.elements.core.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An answer body read into memory up to a limit: past it (declared or counted) the subscription is
 * cancelled, which closes the connection, and the body fails with {@link TooLarge}. The JDK's
 * {@code ofByteArray} would read whatever the provider sends.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private long received;

    private CappedBody(long limit) {
        this.limit = limit;
    }

    /** The answer was larger than the limit. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long limit) {
            super("answer larger than " + limit + " bytes");
        }
    }

    /** Makes one capped body per answer and can abort the one being read. */
    static final class Handler implements HttpResponse.BodyHandler<byte[]> {
        private final long limit;
        private final AtomicReference<CappedBody> current = new AtomicReference<>();
        private volatile boolean expired;

        Handler(long limit) {
            this.limit = limit;
        }

        @Override
        public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
            CappedBody body = new CappedBody(limit);
            current.set(body);
            long declared = info.headers().firstValueAsLong("content-length").orElse(-1);
            if (declared > limit) {
                body.result.completeExceptionally(new TooLarge(limit));
            } else if (expired) {
                // The headers came just as the time ran out: the body is not waited for either.
                body.result.completeExceptionally(new IOException("abandoned"));
            }
            return body;
        }

        /** The request's time is up: the body being read, if any, fails, and {@link #expired()} says why. */
        void expire() {
            expired = true;
            abort();
        }

        boolean expired() {
            return expired;
        }

        void abort() {
            CappedBody body = current.get();
            if (body != null) {
                body.fail(new IOException("abandoned"));
            }
        }
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription given) {
        this.subscription = given;
        if (result.isDone()) {
            given.cancel();
        } else {
            given.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            received += buffer.remaining();
            if (received > limit) {
                fail(new TooLarge(limit));
                return;
            }
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable throwable) {
        result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }

    private void fail(IOException why) {
        result.completeExceptionally(why);
        Flow.Subscription given = subscription;
        if (given != null) {
            given.cancel();
        }
    }
}
