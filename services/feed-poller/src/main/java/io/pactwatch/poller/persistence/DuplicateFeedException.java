package io.pactwatch.poller.persistence;

import io.pactwatch.poller.domain.FeedDefinition;

/** A feed's name or url is already in the registry; the API answers 409 with this message. */
public class DuplicateFeedException extends RuntimeException {

    public DuplicateFeedException(FeedDefinition d) {
        super("a feed named '" + d.name() + "' or with url " + io.pactwatch.contracts.UrlRedaction.passwordsHidden(d.url()) + " is already registered");
    }
}
