#pragma once

#include <memory>
#include <utility>

namespace sim::api {

/**
 * A value shared between copies and edited copy-on-write: copying costs a reference count, so a new version of an
 * object shares the parts it does not change. Reads as a `const T &` (`*x`, `x->member`); `edit()` gives a writable
 * T, copied first when another holder shares it, so no holder ever sees another's edit.
 */
template <class T> class Shared {
public:
    /** The default value, one object for every default-built holder (building an empty object allocates nothing). */
    Shared() : m_value(defaultValue()) {}
    // Implicit, so code that builds or assigns a value (decoder, tests) reads as before.
    Shared(T value) : m_value(std::make_shared<T>(std::move(value))) {}
    // No move operations: a moved-from holder keeps its value (a copy costs one reference count), so reading it is
    // never a null dereference.
    Shared(const Shared &) = default;
    Shared &operator=(const Shared &) = default;
    /** Holds a new value (a braced list reads as T's: `labels = {{"app", "web"}}`). */
    Shared &operator=(T value)
    {
        m_value = std::make_shared<T>(std::move(value));
        return *this;
    }

    const T &operator*() const { return *m_value; }
    const T *operator->() const { return m_value.get(); }
    operator const T &() const { return *m_value; }

    /** The value to change in place: unshared first (a copy) when another holder shares it. */
    T &edit()
    {
        if (m_value.use_count() != 1)
            m_value = std::make_shared<T>(std::as_const(*m_value));
        return *m_value;
    }

    /** Equal values; the same shared object compares without reading it. */
    bool operator==(const Shared &other) const { return m_value == other.m_value || *m_value == *other.m_value; }

private:
    static const std::shared_ptr<T> &defaultValue()
    {
        static const std::shared_ptr<T> value = std::make_shared<T>();
        return value;
    }

    std::shared_ptr<T> m_value;
};

} // namespace sim::api
