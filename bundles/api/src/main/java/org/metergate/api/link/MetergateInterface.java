package org.metergate.api.link;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type that tags a DS component's service with the TR 50572 interface it
 * implements: {@code @MetergateInterface(InterfaceTag.M)} sets {@value InterfaceTag#PROPERTY}{@code =M}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MetergateInterface {
    InterfaceTag[] value();
}
