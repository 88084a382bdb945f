package io.pactwatch.poller.domain;

/**
 * What to do with a parsed item given what was last published for its id: nothing (unchanged), publish revision 1
 * (new), or publish the next revision (edited).
 */
public record ItemDecision(String articleId, int revision, String contentHash) {

    /** Null when the item is unchanged since it was last published. */
    public static ItemDecision decide(String articleId, String contentHash, Integer lastRevision, String lastHash) {
        if (lastRevision == null) {
            return new ItemDecision(articleId, 1, contentHash);
        }
        if (contentHash.equals(lastHash)) {
            return null;
        }
        return new ItemDecision(articleId, lastRevision + 1, contentHash);
    }

    public boolean isRevision() {
        return revision > 1;
    }
}
