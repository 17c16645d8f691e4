package dev.twj.internet.base;

import dev.twj.internet.selectreactor.SelectReactor;

/** {@link SystemEventTestsBuilder} run against {@link SelectReactor}, as Twisted's generated class of that name. */
class SystemEventTestsBuilder_SelectReactorTests extends SystemEventTestsBuilder {
    @Override
    protected ReactorBase reactorFactory() {
        return new SelectReactor();
    }
}
