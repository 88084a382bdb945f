package io.pactwatch.classifier.domain;

/**
 * A counterpart the gazetteer knows: ISO 3166-1 alpha-2 code ("EU" for the European Union) and English short name.
 */
public record Place(String code, String name) {
}
