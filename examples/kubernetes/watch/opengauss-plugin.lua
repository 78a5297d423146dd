package.path = package.path..";/bin/?.lua"
local dkjson = require("dkjson")
function GetWorkloadTypeAndName(metaJsonStr)
    local metaData = dkjson.decode(metaJsonStr,1,nil)
    local ownerReferencesData = metaData["ownerReferences"] or {}
    local meteTable = ownerReferencesData[1] or {}
    local workloadType = ""
    local workloadName = ""
    -- Get workloadType and ensure it is a string
    workloadType = tostring(meteTable["kind"] or "")
    -- If we only want to process workloadType = "OpenGaussCluster", filter out other Pods here
    if workloadType ~= "OpenGaussCluster" then
        -- Return empty strings for filtered-out Pods
        return "", ""
    else
        -- For special Pods, convert the workload type to one we support
        workloadType = "StatefulSet"
    end
    -- Get workloadName and ensure it is a string
    -- Here, the Pod has ownerReferences data, and the name in ownerReferences is the workloadName
    -- If the Pod has no ownerReferences data, you can derive workloadName from the pod name
    local workloadName = tostring(meteTable["name"] or "")
    return workloadType, workloadName
end
