// A JSON array with one object per element of a list: the shape of every list the host answers
// (journal entries, attachments, case types, mails), so the loop is written once and each caller
// says only which members an element has.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace host {

// `fill(object, element)` sets the members of the element's object.
template <typename Items, typename Fill>
Poco::JSON::Array::Ptr object_array(const Items& items, Fill fill) {
    Poco::JSON::Array::Ptr array = new Poco::JSON::Array;
    for (const auto& item : items) {
        Poco::JSON::Object::Ptr object = new Poco::JSON::Object;
        fill(*object, item);
        array->add(object);
    }
    return array;
}

}  // namespace host
