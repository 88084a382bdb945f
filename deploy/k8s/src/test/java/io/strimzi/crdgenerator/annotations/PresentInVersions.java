package io.strimzi.crdgenerator.annotations;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stand-in for Strimzi's unpublished {@code crd-annotations} type of this name: the {@code io.strimzi:api} classes
 * carry this annotation (which API versions a property exists in), but the jar that declares it is not on Maven
 * Central, so without this declaration the JVM drops it. Only {@code value} is read (by StrimziApiVersionCheck).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.FIELD, ElementType.TYPE})
public @interface PresentInVersions {
    String value();
}
