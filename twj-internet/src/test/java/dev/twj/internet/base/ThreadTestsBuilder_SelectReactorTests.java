package dev.twj.internet.base;

import dev.twj.internet.selectreactor.SelectReactor;

/** {@link ThreadTestsBuilder} run against {@link SelectReactor}, as Twisted's generated class of that name. */
class ThreadTestsBuilder_SelectReactorTests extends ThreadTestsBuilder {
    @Override
    protected ReactorBase reactorFactory() {
        return new SelectReactor();
    }
}
