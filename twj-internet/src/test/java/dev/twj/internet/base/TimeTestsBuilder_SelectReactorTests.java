package dev.twj.internet.base;

import dev.twj.internet.selectreactor.SelectReactor;

/** {@link TimeTestsBuilder} run against {@link SelectReactor}, as Twisted's generated class of that name. */
class TimeTestsBuilder_SelectReactorTests extends TimeTestsBuilder {
    @Override
    protected ReactorBase reactorFactory() {
        return new SelectReactor();
    }
}
