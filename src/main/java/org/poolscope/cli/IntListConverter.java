package org.poolscope.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code 1,2,4} into a list of positive whole numbers. */
final class IntListConverter implements ITypeConverter<List<Integer>> {

    @Override
    public List<Integer> convert(String value) {
        List<Integer> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            try {
                out.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a list of whole numbers like 1,2,4");
            }
        }
        return List.copyOf(out);
    }
}
