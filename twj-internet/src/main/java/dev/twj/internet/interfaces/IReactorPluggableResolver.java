package dev.twj.internet.interfaces;

/**
 * A reactor whose name resolver can be replaced. Port of
 * {@code twisted.internet.interfaces.IReactorPluggableResolver}.
 */
public interface IReactorPluggableResolver {
    /**
     * Sets the internal resolver to use for name lookups.
     *
     * @return the previously installed resolver
     */
    IResolverSimple installResolver(IResolverSimple resolver);
}
